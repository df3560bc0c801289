package cn.gdhrss.intake.web;

/**
 * A request the console turns down with a status and one Chinese sentence: 404 for what does not
 * exist or is another city's (the same answer, so ids tell nothing), 403 for a role not allowed.
 */
final class WebRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    WebRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static WebRefusal notFound() {
        return new WebRefusal(404, "没有找到这一页或这个案件、文件；请从登记簿重新打开。");
    }

    static WebRefusal forbidden() {
        return new WebRefusal(403, "您的账户没有这项操作的权限；如需办理，请联系省级工作人员。");
    }
}

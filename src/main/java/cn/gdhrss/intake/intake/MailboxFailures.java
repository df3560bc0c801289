package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what Angus throws while connecting, logging in or opening a folder into a {@link
 * MailboxUnavailableException} that says in plain words why, in English for the log and in Chinese
 * for staff. The cause chain decides: Angus wraps socket and TLS errors in MessagingException.
 */
final class MailboxFailures {

    private MailboxFailures() {}

    static MailboxUnavailableException unavailable(MailboxSettings settings, Exception failure) {
        String mailbox = settings.mailboxName();
        String server = settings.host() + ":" + settings.port();
        long seconds = settings.timeout().toSeconds();
        Throwable cause;
        if (failure instanceof AuthenticationFailedException) {
            return build(failure, "Mailbox " + mailbox + ": login refused by the server (" + detail(failure) + ")",
                    "邮件服务器拒绝登录（" + settings.user() + "）：用户名或密码（授权码）错误，或邮箱未开启 IMAP/POP3 服务");
        }
        if (failure instanceof FolderNotFoundException) {
            return build(failure, "Mailbox " + mailbox + ": folder '" + settings.folder() + "' does not exist",
                    "邮箱中没有文件夹“" + settings.folder() + "”，请检查 mailbox.folder");
        }
        if ((cause = find(failure, UnknownHostException.class)) != null) {
            return build(failure, "Mailbox " + mailbox + ": unknown host '" + settings.host() + "'",
                    "找不到邮件服务器“" + settings.host() + "”：域名无法解析，请检查 mailbox.host 和网络");
        }
        if ((cause = find(failure, ConnectException.class)) != null
                || (cause = find(failure, NoRouteToHostException.class)) != null) {
            return build(failure, "Mailbox " + mailbox + ": connection to " + server + " refused (" + detail(cause) + ")",
                    "无法连接邮件服务器 " + server + "：连接被拒绝，服务器未运行或端口填写错误");
        }
        if ((cause = find(failure, SocketTimeoutException.class)) != null) {
            return build(failure, "Mailbox " + mailbox + ": " + server + " did not answer within " + seconds + " s",
                    "邮件服务器 " + server + " 在 " + seconds + " 秒内没有响应（网络不通或服务器繁忙）");
        }
        if ((cause = find(failure, SSLException.class)) != null) {
            return build(failure, "Mailbox " + mailbox + ": TLS with " + server + " failed, certificate not trusted or "
                            + "not issued for '" + settings.host() + "' (" + detail(cause) + ")",
                    "与邮件服务器 " + server + " 的加密连接失败：证书不受信任或与主机名不符"
                            + "（若确认是内网自签名证书，可设置 mailbox.tls.verify=false）");
        }
        if (detail(failure).toUpperCase(Locale.ROOT).contains("STARTTLS")) {
            return build(failure, "Mailbox " + mailbox + ": STARTTLS is required but " + server + " does not offer it",
                    "邮件服务器 " + server + " 不支持 STARTTLS 加密；如确需明文连接，请设置 mailbox.starttls=false");
        }
        return build(failure, "Mailbox " + mailbox + " cannot be read: " + detail(failure),
                "无法读取邮箱 " + mailbox + "：" + detail(failure));
    }

    static MailboxUnavailableException noPassword(MailboxSettings settings) {
        return new MailboxUnavailableException(
                "Mailbox " + settings.mailboxName() + ": no password (set mailbox.password.env to an environment variable that holds it)",
                "没有配置邮箱密码：请在 mailbox.password.env 指定的环境变量中提供密码（授权码）", null);
    }

    private static MailboxUnavailableException build(Exception failure, String message, String reason) {
        return new MailboxUnavailableException(message, reason, failure);
    }

    private static @Nullable Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return current;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static String detail(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip();
    }
}

package cn.gdhrss.intake.web;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casework.CaseWorkException;
import cn.gdhrss.intake.config.WebSettings;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff web console (issue 9) in the process of {@code serve}: Javalin on Jetty, listening on
 * {@code web.host:web.port}. Every request but the login page and the static files needs a session;
 * every POST needs the session's CSRF token; the session cookie is HttpOnly, SameSite=Strict, and
 * Secure when the request came over TLS (directly, or through a trusted proxy's X-Forwarded-Proto).
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    static final String SESSION = "session";
    private static final String LOGIN_COOKIE = "xzy_login";
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; media-src 'self'; frame-src 'self'; "
            + "object-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

    private final WebSettings settings;
    private final Accounts accounts;
    private final Sessions sessions;
    private final Pages pages = new Pages();
    private final Javalin javalin;

    public ConsoleServer(App app, WebSettings settings) {
        this.settings = settings;
        this.accounts = new Accounts(settings, app.clock());
        this.sessions = new Sessions(settings.sessionIdle(), app.clock());
        CasePages casePages = new CasePages(app, this);
        CaseActions caseActions = new CaseActions(app, this);
        OfficePages officePages = new OfficePages(app, this);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = 2_000_000;
            // Files are served in byte ranges with their own Content-Length; pages are small.
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            config.routes.before(this::guard);
            config.routes.get("/login", this::loginPage);
            config.routes.post("/login", this::login);
            config.routes.post("/logout", this::logout);
            config.routes.get("/static/{name}", ConsoleServer::staticFile);
            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
            officePages.routes(config.routes);
            casePages.routes(config.routes);
            caseActions.routes(config.routes);
            config.routes.exception(WebRefusal.class, (refusal, ctx) -> refuse(ctx, refusal.status(), refusal.getMessage()));
            config.routes.exception(CaseWorkException.class, (refusal, ctx) -> refuse(ctx, 400, refusal.inConsoleWords()));
            config.routes.exception(Exception.class, (failure, ctx) -> {
                LOG.warn("Console request {} {} failed", ctx.method(), ctx.path(), failure);
                refuse(ctx, 500, "服务器处理出错，已记入日志；请稍后重试，或联系系统管理员。");
            });
            config.routes.error(404, ctx -> {
                String result = ctx.result();
                if (result == null || result.isEmpty()) {
                    refuse(ctx, 404, WebRefusal.notFound().getMessage());
                }
            });
        });
    }

    /** Starts listening; with {@code web.port = 0} (tests) the port chosen is {@link #port()}. */
    public ConsoleServer start() {
        javalin.start();
        LOG.info("Staff console on http://{}:{}/ ({} accounts)", settings.host(), javalin.port(), accounts.isEmpty() ? "no" : "with");
        return this;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }

    // ---------------------------------------------------------------- what every page shares

    Pages pages() {
        return pages;
    }

    /** The signed-in user of the request (the guard has made sure there is one). */
    static Account account(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw WebRefusal.forbidden();
        }
        return session.account();
    }

    /** Renders {@code template} with the user, the CSRF token and the session's one-time message. */
    void render(Context ctx, String template, String active, Map<String, Object> model) {
        Sessions.Session session = ctx.attribute(SESSION);
        Map<String, Object> all = new java.util.LinkedHashMap<>(model);
        if (session != null) {
            all.put("user", Views.of("name", session.account().name(), "role", session.account().role().code(),
                    "roleLabel", session.account().role().label(), "city", session.account().city()));
            all.put("csrf", session.csrf());
            all.put("flash", sessions.takeFlash(session));
        }
        all.put("active", active);
        ctx.contentType("text/html; charset=utf-8");
        ctx.html(pages.render(template, all));
    }

    /** After an action: back to {@code location} with {@code message} shown once. */
    void done(Context ctx, String location, String message) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session != null) {
            sessions.flash(session, message);
        }
        ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, int status, String message) {
        ctx.status(status);
        render(ctx, "error", "", Views.of("status", status, "message", message));
    }

    // ---------------------------------------------------------------- the guard: headers, session, CSRF

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (path.startsWith("/static/") || path.equals("/login") || path.equals("/favicon.ico")) {
            return;
        }
        Optional<Sessions.Session> session = Optional.ofNullable(ctx.cookie(Sessions.COOKIE)).flatMap(sessions::find)
                .filter(found -> accounts.find(found.account().name()).isPresent());
        if (session.isEmpty()) {
            String next = ctx.method() == HandlerType.GET ? "?next=" + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8) : "";
            ctx.redirect("/login" + next, io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION, session.get());
        if (ctx.method() == HandlerType.POST && !same(ctx.formParam("csrf"), session.get().csrf())) {
            LOG.warn("Console POST {} by {} refused: CSRF token missing or wrong", path, session.get().account().name());
            refuse(ctx, 403, "表单已过期或不是从本系统提交的；请刷新页面后重试。");
            ctx.skipRemainingHandlers();
        }
    }

    private static String pathWithQuery(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static boolean same(@org.jspecify.annotations.Nullable String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Over TLS: the connection itself, or (only with web.trusted-proxy) the proxy's X-Forwarded-Proto. */
    private boolean isSecure(Context ctx) {
        return "https".equals(ctx.scheme()) || settings.trustedProxy() && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        return settings.trustedProxy() && forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip() : ctx.ip();
    }

    private void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "") + (isSecure(ctx) ? "; Secure" : ""));
    }

    // ---------------------------------------------------------------- login and logout

    private void loginPage(Context ctx) {
        String token = loginToken(ctx);
        render(ctx, "login", "", Views.of("loginToken", token, "next", safeNext(ctx.queryParam("next")), "error", "",
                "noAccounts", accounts.isEmpty()));
    }

    private void login(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        if (!same(ctx.formParam("csrf"), Optional.ofNullable(ctx.cookie(LOGIN_COOKIE)).orElse("\u0000"))) {
            refuse(ctx, 403, "登录表单已过期；请刷新登录页后重试。");
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("");
        Accounts.Outcome outcome = accounts.login(name, Optional.ofNullable(ctx.formParam("password")).orElse(""));
        if (outcome instanceof Accounts.Accepted accepted) {
            Sessions.Session session = sessions.open(accepted.account());
            setCookie(ctx, Sessions.COOKIE, session.token(), -1);
            setCookie(ctx, LOGIN_COOKIE, "", 0);
            LOG.info("Console login of {} from {}", name, clientAddress(ctx));
            ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        boolean locked = ((Accounts.Refused) outcome).locked();
        LOG.warn("Console login of '{}' from {} refused{}", name.replaceAll("\\p{Cntrl}", "?"), clientAddress(ctx), locked ? " (locked)" : "");
        String token = loginToken(ctx);
        ctx.status(locked ? 429 : 401);
        render(ctx, "login", "", Views.of("loginToken", token, "next", next, "noAccounts", accounts.isEmpty(), "error", locked
                ? "连续登录失败次数过多，该账户已暂时锁定 " + settings.lockoutTime().toMinutes() + " 分钟；请稍后再试或联系管理员。"
                : "用户名或密码不正确；请重新输入。"));
    }

    /**
     * The token of the login form, double-submitted in a cookie (no session exists yet). A browser
     * keeps its token: several tabs, or a request for /favicon.ico sent to the login page, must not
     * outdate the form on screen.
     */
    private String loginToken(Context ctx) {
        String kept = ctx.cookie(LOGIN_COOKIE);
        String token = kept != null && kept.matches("[0-9a-f-]{36}") ? kept : java.util.UUID.randomUUID().toString();
        setCookie(ctx, LOGIN_COOKIE, token, 3600);
        return token;
    }

    private void logout(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session != null) {
            sessions.close(session.token());
        }
        setCookie(ctx, Sessions.COOKIE, "", 0);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Only a path of this console (no scheme, no host, no "//"): an open redirect would send staff elsewhere. */
    private static String safeNext(@org.jspecify.annotations.Nullable String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }

    // ---------------------------------------------------------------- the jar's CSS and script

    private static final Map<String, String> STATIC = Map.of("console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private static void staticFile(Context ctx) {
        String name = ctx.pathParam("name");
        String type = STATIC.get(name);
        if (type == null) {
            throw WebRefusal.notFound();
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/web/static/" + name)) {
            if (in == null) {
                throw WebRefusal.notFound();
            }
            ctx.header("Cache-Control", "max-age=3600");
            ctx.contentType(type);
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

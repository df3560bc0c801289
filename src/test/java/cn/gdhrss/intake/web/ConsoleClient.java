package cn.gdhrss.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser of the console made of {@link HttpClient}: its own cookies, no redirects followed. */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String base;
    private String csrf = "";

    ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String base() {
        return base;
    }

    /** Logs in; returns the answer to the login POST (303 to the next page when the password is right). */
    HttpResponse<String> login(String name, String password) {
        String page = get("/login").body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("login form token").isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", token.group(1));
        form.put("next", "/");
        form.put("username", name);
        form.put("password", password);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
        if (answer.statusCode() == 303) {
            csrf = token(get("/").body());
        }
        return answer;
    }

    ConsoleClient loggedIn(String name) {
        assertThat(login(name, ConsoleRegister.PASSWORD).statusCode()).as("login of " + name).isEqualTo(303);
        return this;
    }

    static String token(String page) {
        Matcher token = CSRF.matcher(page);
        return token.find() ? token.group(1) : "";
    }

    String csrf() {
        return csrf;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<byte[]> bytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form POST with this session's CSRF token added. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.putAll(fields);
        return postRaw(path, form);
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** A POST, then the page it redirected to (where the result is shown). */
    String postAndFollow(String path, Map<String, String> fields) {
        HttpResponse<String> answer = post(path, fields);
        assertThat(answer.statusCode()).as("POST " + path + ": " + answer.body()).isEqualTo(303);
        return get(answer.headers().firstValue("Location").orElseThrow()).body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

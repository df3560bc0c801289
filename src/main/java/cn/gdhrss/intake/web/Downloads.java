package cn.gdhrss.intake.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Files going out of the console. A download is always {@code attachment}, named as the applicant
 * named it (RFC 6266 with RFC 5987 {@code filename*} for Chinese names, an ASCII fallback), typed
 * {@code application/octet-stream} unless the type is one of a short safe list. Inline previews
 * are only for images, videos and PDF whose bytes were detected as such; never HTML or SVG. Every
 * answer carries {@code X-Content-Type-Options: nosniff} and a CSP sandbox, so nothing an
 * applicant sent runs in the console's origin. Bytes are served with HTTP range support (RFC 7233).
 */
final class Downloads {
    static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");
    static final Set<String> INLINE_VIDEOS = Set.of("video/mp4", "video/webm", "video/ogg", "video/quicktime");
    static final String PDF = "application/pdf";
    private static final Set<String> SAFE_DOWNLOAD_TYPES = Set.of(PDF,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/msword", "application/vnd.ms-excel", "application/zip", "message/rfc822");

    private Downloads() {}

    static boolean isPreviewable(String detectedType) {
        String type = bare(detectedType);
        return INLINE_IMAGES.contains(type) || INLINE_VIDEOS.contains(type) || PDF.equals(type);
    }

    /** Sends {@code file} as a download named {@code name}. */
    static void attachment(Context ctx, Path file, String name, String detectedType) throws IOException {
        String type = bare(detectedType);
        send(ctx, file, SAFE_DOWNLOAD_TYPES.contains(type) || isPreviewable(type) ? type : "application/octet-stream",
                "attachment; " + filename(name), true);
    }

    /** Sends {@code file} for the browser to show (image, video, PDF only; callers check {@link #isPreviewable}). */
    static void inline(Context ctx, Path file, String name, String detectedType) throws IOException {
        String type = bare(detectedType);
        // Chrome's PDF viewer does not run inside a CSP sandbox; images and videos do.
        send(ctx, file, playable(type), "inline; " + filename(name), !PDF.equals(type));
    }

    /**
     * The type a browser plays: an ISO media file Tika calls QuickTime (ffmpeg's and phones' .mp4 and
     * .mov share the container) is played by Chromium when told video/mp4, refused as video/quicktime.
     */
    private static String playable(String type) {
        return "video/quicktime".equals(type) ? "video/mp4" : type;
    }

    /** A generated file (export, summary) as a download. */
    static void bytes(Context ctx, byte[] content, String name, String type) {
        ctx.header("Content-Disposition", "attachment; " + filename(name));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type);
        ctx.result(content);
    }

    private static void send(Context ctx, Path file, String type, String disposition, boolean sandbox) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw WebRefusal.notFound();
        }
        ctx.header("Content-Disposition", disposition);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", sandbox ? "sandbox; default-src 'none'" : "default-src 'none'; object-src 'self'");
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType(type);
        long size = Files.size(file);
        String range = ctx.header("Range");
        long[] span = range == null ? null : span(range, size);
        if (range != null && span == null && range.strip().startsWith("bytes=") && !range.contains(",")) {
            ctx.status(416);
            ctx.header("Content-Range", "bytes */" + size);
            return;
        }
        long start = span == null ? 0 : span[0];
        long length = span == null ? size : span[1] - span[0] + 1;
        if (span != null) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size);
        }
        ctx.header("Content-Length", Long.toString(length));
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(start);
        ctx.result(org.apache.commons.io.input.BoundedInputStream.builder().setInputStream(in).setMaxCount(length).get());
    }

    /**
     * The first and last byte of a single range {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}
     * (RFC 7233 §2.1), null when it is not one satisfiable range (several ranges get the whole file).
     */
    static long @org.jspecify.annotations.Nullable [] span(String header, long size) {
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})").matcher(header.strip());
        if (!range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty() || size == 0) {
            return null;
        }
        long first;
        long last;
        if (range.group(1).isEmpty()) {
            first = Math.max(0, size - Long.parseLong(range.group(2)));
            last = size - 1;
        } else {
            first = Long.parseLong(range.group(1));
            last = range.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(range.group(2)));
        }
        return first > last || first >= size ? null : new long[] {first, last};
    }

    /** {@code filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266 §4.3, RFC 5987 §3.2). */
    static String filename(String name) {
        String clean = name.replaceAll("[\\p{Cntrl}\\\\/]", "_").strip();
        if (clean.isEmpty()) {
            clean = "file";
        }
        String ascii = clean.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("%", "_");
        String encoded = URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
        return "filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String bare(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}

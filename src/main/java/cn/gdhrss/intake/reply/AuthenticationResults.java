package cn.gdhrss.intake.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authentication-Results (RFC 8601) written by a server the office trusts, read for one question:
 * did SPF, DKIM or DMARC fail for the domain in From? Then the From address is probably forged
 * and an automatic reply would hit an innocent third party (backscatter).
 *
 * <p>Only headers whose authserv-id is configured count (RFC 8601 §5: anyone can write such a
 * header; the receiving server removes the ones that claim its own id), and of those only the
 * topmost, the one our server added last.
 */
public final class AuthenticationResults {
    private static final Pattern RESULT = Pattern.compile("(?i)^\\s*([a-z0-9_-]+)(?:/[0-9]+)?\\s*=\\s*([a-z]+)(.*)$", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("(?i)\\b(smtp\\.mailfrom|smtp\\.helo|header\\.d|header\\.i|header\\.from)\\s*=\\s*\"?([^\\s;\"]+)");
    private static final Set<String> FAILING = Set.of("fail", "permerror");

    private final Set<String> trustedIds;

    /** @param trustedIds authserv-ids of the office's own receiving servers, lower case; empty trusts none */
    public AuthenticationResults(Set<String> trustedIds) {
        this.trustedIds = Set.copyOf(trustedIds);
    }

    /**
     * The failures for {@code fromDomain}, e.g. {@code dmarc=fail}; empty when the trusted header
     * is absent or nothing failed. Results for other domains (a forwarder's envelope) do not count.
     */
    public List<String> failuresFor(List<String> headerValues, String fromDomain) {
        for (String value : headerValues) {
            String clean = withoutComments(value);
            String[] parts = clean.split(";");
            String authservId = parts[0].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (trustedIds.contains(authservId)) {
                return failures(parts, fromDomain.toLowerCase(Locale.ROOT));
            }
        }
        return List.of();
    }

    private static List<String> failures(String[] parts, String fromDomain) {
        List<String> failed = new ArrayList<>();
        List<String> dkimPassed = new ArrayList<>();
        List<String> dkimFailed = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            Matcher result = RESULT.matcher(parts[i]);
            if (!result.matches()) {
                continue;
            }
            String method = result.group(1).toLowerCase(Locale.ROOT);
            String outcome = result.group(2).toLowerCase(Locale.ROOT);
            String domain = domainOf(result.group(3));
            boolean forFrom = domain.isEmpty() || sameDomain(domain, fromDomain);
            switch (method) {
                case "dmarc" -> {
                    if (FAILING.contains(outcome) && forFrom) {
                        failed.add("DMARC " + outcome);
                    }
                }
                case "spf" -> {
                    if (FAILING.contains(outcome) && !domain.isEmpty() && forFrom) {
                        failed.add("SPF " + outcome);
                    }
                }
                case "dkim" -> (outcome.equals("pass") ? dkimPassed : FAILING.contains(outcome) ? dkimFailed : new ArrayList<String>())
                        .add(domain);
                default -> { }
            }
        }
        boolean dkimFailedForFrom = dkimFailed.stream().anyMatch(domain -> !domain.isEmpty() && sameDomain(domain, fromDomain));
        boolean dkimPassedForFrom = dkimPassed.stream().anyMatch(domain -> sameDomain(domain, fromDomain));
        if (dkimFailedForFrom && !dkimPassedForFrom) {
            failed.add("DKIM fail");
        }
        return List.copyOf(failed);
    }

    private static String domainOf(String properties) {
        Matcher property = PROPERTY.matcher(properties);
        while (property.find()) {
            String value = property.group(2).toLowerCase(Locale.ROOT);
            String name = property.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("smtp.helo")) {
                return value.substring(value.lastIndexOf('@') + 1);
            }
        }
        return "";
    }

    /** One domain is the other or a subdomain of it (relaxed alignment, RFC 7489 §3.1). */
    static boolean sameDomain(String first, String second) {
        if (first.isEmpty() || second.isEmpty()) {
            return false;
        }
        return first.equals(second) || first.endsWith("." + second) || second.endsWith("." + first);
    }

    /** RFC 8601 §2.2: comments (CFWS) may appear anywhere; nested parentheses included. */
    static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && depth == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
                continue;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
                continue;
            }
            if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package cn.gdhrss.intake.form;

import cn.gdhrss.intake.form.XmlNames.Name;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The namespace prefixes in scope while {@link WordXmlScanner} reads a part: a stack of bindings,
 * each element's own above its parent's, cut back when the element ends. A name remembers where its
 * prefix was bound until a binding is made or leaves scope ({@link #generation}), so the lookup of
 * the names met again and again under the root's declarations is mostly skipped.
 */
final class XmlNamespaceBindings {
    static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    private static final int MAX_URI = 500;

    private String[] prefixes = new String[32];
    private @Nullable String[] uris = new String[32];
    private int[] namespaces = new int[32];
    private int count;
    /** Changes whenever a binding is made or goes out of scope. */
    private int generation;

    /** How many bindings are in scope: what {@link #unbindTo} takes back to when the element ends. */
    int mark() {
        return count;
    }

    /**
     * Binds {@code prefix} (the default namespace for {@link XmlNames#NO_PREFIX}) to {@code uri} for the
     * element whose bindings began at {@code outer}.
     *
     * @return false where StAX would refuse or might read otherwise: "xml" or "xmlns" or their URIs,
     *     an empty URI for a prefix (only the default may be undeclared), a very long URI, or a prefix
     *     bound twice by one element
     */
    boolean declare(String prefix, String uri, int outer) {
        if (prefix.equals("xml") || prefix.equals("xmlns") || uri.equals(XML_NAMESPACE) || uri.equals(XMLNS_NAMESPACE)
                || uri.isEmpty() && !prefix.isEmpty() || uri.length() > MAX_URI) {
            return false;
        }
        for (int i = outer; i < count; i++) {
            if (prefixes[i] == prefix) {
                return false;
            }
        }
        generation++;
        if (count == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, count * 2);
            uris = Arrays.copyOf(uris, count * 2);
            namespaces = Arrays.copyOf(namespaces, count * 2);
        }
        prefixes[count] = prefix;
        uris[count] = uri.isEmpty() ? null : uri;
        namespaces[count++] = DocxLayoutEvents.namespaceOf(uri.isEmpty() ? null : uri);
        return true;
    }

    void unbindTo(int outer) {
        if (count != outer) {
            count = outer;
            generation++;
        }
    }

    /** Index of the innermost binding of {@code name}'s prefix (the default namespace's when it has none), -1 when unbound. */
    int indexOf(Name name) {
        if (name.generation != generation) {
            String prefix = name.prefix != null ? name.prefix : XmlNames.NO_PREFIX;
            int index = count - 1;
            while (index >= 0 && prefixes[index] != prefix) {
                index--;
            }
            name.binding = index;
            name.generation = generation;
        }
        return name.binding;
    }

    /** The {@link DocxLayoutEvents} namespace of the binding at {@code index}. */
    int namespaceAt(int index) {
        return namespaces[index];
    }

    /** The URI of the binding at {@code index}; null for an undeclared default namespace. */
    @Nullable String uriAt(int index) {
        return uris[index];
    }
}

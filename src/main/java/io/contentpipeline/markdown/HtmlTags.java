package io.contentpipeline.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tags of a piece of raw HTML and the addresses they link to, read as the browser that
 * shows the page reads them ({@link HtmlTokens}): an attribute in single quotes, in none or in
 * capitals ({@code <A HREF=/docs/>}), one after a value holding a {@code >}, and the {@code src}
 * after a lazy-loading {@code data-src} are read like any other; a tag inside a comment is no
 * tag. A translation must keep these addresses as it keeps a Markdown link's target, and a
 * regular expression that saw only the first double-quoted {@code href} of a tag let every
 * other be changed unnoticed.
 */
public final class HtmlTags {

    /** Attributes whose value is one address. */
    private static final Set<String> ADDRESS_ATTRIBUTES = Set.of("href", "src");
    /** An image's other sizes: "a.png 300w, b.png 1024w", each candidate an address and a descriptor. */
    private static final String SOURCE_SET = "srcset";
    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /**
     * A start or end tag, where it starts in the piece, its name in lower case, and the addresses
     * of a start tag (href, src and each srcset candidate, as written) in order.
     */
    public record Tag(String name, boolean isEnd, int start, List<String> addresses) {
    }

    private HtmlTags() {
    }

    /**
     * The complete tags of a piece of raw HTML, in order. A Hugo shortcode in a value
     * ({@code href="{{< ref "a.md" >}}"}) is read whole: Hugo replaces it before any browser
     * reads the tag, so its quotes end nothing.
     */
    public static List<Tag> of(String html) {
        char[] view = html.toCharArray();
        Matcher shortcode = MarkdownEngine.TEMPLATE_TAGS.matcher(html);
        while (shortcode.find()) {
            Arrays.fill(view, shortcode.start(), shortcode.end(), 'x');
        }
        String read = new String(view);
        List<Tag> tags = new ArrayList<>();
        for (HtmlTokens.Token token = HtmlTokens.next(read, 0); token != null; token = HtmlTokens.next(read, token.end())) {
            if (token.complete() && token.kind() != HtmlTokens.Kind.OTHER) {
                List<String> addresses = new ArrayList<>();
                if (token.kind() == HtmlTokens.Kind.START_TAG) {
                    token.attributes().forEach(attribute -> addresses.addAll(addresses(attribute, html)));
                }
                tags.add(new Tag(token.name(), token.kind() == HtmlTokens.Kind.END_TAG, token.start(), addresses));
            }
        }
        return tags;
    }

    /** The addresses an attribute gives, taken from the piece as written (a shortcode in it included). */
    private static List<String> addresses(HtmlTokens.Attribute attribute, String html) {
        boolean single = ADDRESS_ATTRIBUTES.contains(attribute.name());
        if (!single && !SOURCE_SET.equals(attribute.name()) || attribute.value().isEmpty()) {
            return List.of();
        }
        int length = attribute.value().length();
        char last = html.charAt(attribute.end() - 1);
        boolean quoted = (last == '"' || last == '\'') && html.charAt(attribute.end() - length - 2) == last;
        int valueEnd = attribute.end() - (quoted ? 1 : 0);
        String value = html.substring(valueEnd - length, valueEnd).strip();
        if (single) {
            return value.isEmpty() ? List.of() : List.of(value);
        }
        // Each candidate is an address, then its width or density ("a.png 300w"); WordPress writes absolute ones.
        List<String> candidates = new ArrayList<>();
        for (String candidate : COMMA.split(value)) {
            String address = SPACE.split(candidate.strip(), 2)[0];
            if (!address.isEmpty()) {
                candidates.add(address);
            }
        }
        return candidates;
    }
}

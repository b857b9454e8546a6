package dev.orderclock.channels.alipay;

/**
 * Finds the text Alipay signed in a gateway answer: the JSON object under
 * {@code "<method with dots as underscores>_response"} exactly as it appears in the body, found the
 * way the SDK's {@code JsonConverter} and {@code AlipaySignature.extractSignContent} find it — by
 * position and brace matching, never by re-serialising parsed JSON (which would change the bytes).
 */
public final class SignedNode {

    public static final String RESPONSE_SUFFIX = "_response";
    public static final String ERROR_ROOT = "error_response";

    private SignedNode() {}

    /** {@code alipay.trade.query} answers under {@code alipay_trade_query_response}. */
    public static String rootOf(String method) {
        return method.replace('.', '_') + RESPONSE_SUFFIX;
    }

    /**
     * The exact text of the object under {@code root}, or null when the body has no such object.
     *
     * @throws UnverifiedResponseException when the root appears again after the object (a body built
     *                                     to make a verifier read a different node than a parser)
     */
    public static String extract(String body, String root) throws UnverifiedResponseException {
        String key = '"' + root + '"';
        int at = body.indexOf(key);
        if (at < 0) {
            return null;
        }
        int begin = at + key.length();
        while (begin < body.length() && body.charAt(begin) != '{') {
            char c = body.charAt(begin);
            if (c != ':' && !Character.isWhitespace(c)) {
                return null;
            }
            begin++;
        }
        if (begin >= body.length()) {
            return null;
        }
        int end = endOfObject(body, begin);
        if (end < 0) {
            return null;
        }
        if (body.indexOf(key, end) >= 0) {
            throw new UnverifiedResponseException("the answer holds " + root + " more than once");
        }
        return body.substring(begin, end);
    }

    /** The index just past the brace closing the object that opens at {@code begin}, or -1. */
    private static int endOfObject(String text, int begin) {
        int depth = 0;
        boolean inString = false;
        for (int i = begin; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++; // the escaped character cannot end the string
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}

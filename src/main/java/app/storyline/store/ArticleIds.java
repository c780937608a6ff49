package app.storyline.store;

import app.storyline.model.ParsedItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids. An item's key is its guid, else its link, else its title and date; the id is the
 * first 53 bits of SHA-256(feed id, key), so the same item gets the same id on every fetch and the id
 * survives a JSON round trip through a double. A (vanishingly rare) collision takes the next free id.
 */
final class ArticleIds {
    static final long MASK = (1L << 53) - 1;

    private ArticleIds() {}

    static String key(ParsedItem item) {
        if (item.guid() != null) return "g:" + item.guid();
        if (item.link() != null) return "l:" + item.link();
        if (item.title() != null) return "t:" + item.title() + "\u0000" + item.published();
        String body = item.content() != null ? item.content() : item.summary();
        return "b:" + hash(body == null ? "" : body);
    }

    static long id(long feedId, String key) {
        byte[] d = sha256(feedId + "\u0000" + key);
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (d[i] & 0xFF);
        v &= MASK;
        return v == 0 ? 1 : v;
    }

    /** 64 bits of SHA-256, hex: enough to tell whether stored text changed. */
    static String hash(String s) {
        return HexFormat.of().formatHex(sha256(s), 0, 8);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private static byte[] sha256(String s) {
        return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }
}

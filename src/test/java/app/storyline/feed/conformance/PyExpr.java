package app.storyline.feed.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A small evaluator for the Python expressions in feedparser's "Expect:" lines: and/or/not,
 * comparisons (==, !=, is, is not, in, not in, chained), subscripts, attributes, .get(), len(), ord(),
 * string/number/tuple/dict literals and string concatenation. Names resolve through {@code names};
 * a name or key outside what we map throws {@link Unmapped}.
 */
final class PyExpr {
    /** The expression reads something our model does not have. */
    static final class Unmapped extends RuntimeException {
        Unmapped(String what) {
            super(what, null, false, false);
        }
    }

    /** A value that compares in its own way (HTML, text, dates). */
    interface Comparable {
        boolean equalsPython(Object other);
    }

    private final List<String> tokens;
    private int pos;
    private final Function<String, Object> names;

    private PyExpr(String src, Function<String, Object> names) {
        this.tokens = tokenize(src);
        this.names = names;
    }

    /** The top-level "and" operands of an expression, as source text. */
    static List<String> conjuncts(String src) {
        List<String> out = new ArrayList<>();
        List<String> toks = tokenize(src);
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (String t : toks) {
            if (t.equals("(") || t.equals("[") || t.equals("{")) depth++;
            if (t.equals(")") || t.equals("]") || t.equals("}")) depth--;
            if (depth == 0 && t.equals("and")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(t.startsWith("\u0000") ? repr(t.substring(1)) : t).append(' ');
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString().strip());
        return out;
    }

    private static String repr(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\'' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('\'').toString();
    }

    static Object eval(String src, Function<String, Object> names) {
        PyExpr p = new PyExpr(src, names);
        Object v = p.or();
        if (p.pos != p.tokens.size()) throw new IllegalArgumentException("unparsed: " + p.tokens.subList(p.pos, p.tokens.size()));
        return v;
    }

    // ---- grammar ----

    private Object or() {
        Object v = and();
        while (peek("or")) {
            pos++;
            Object r = and();
            v = truthy(v) ? v : r;
        }
        return v;
    }

    private Object and() {
        Object v = not();
        while (peek("and")) {
            pos++;
            Object r = not();
            v = truthy(v) ? r : v;
        }
        return v;
    }

    private Object not() {
        if (peek("not")) {
            pos++;
            return !truthy(not());
        }
        return comparison();
    }

    private Object comparison() {
        Object left = additive();
        Boolean result = null;
        while (true) {
            String op;
            if (peek("==") || peek("!=") || peek("in")) op = tokens.get(pos++);
            else if (peek("is")) {
                pos++;
                op = "is";
                if (peek("not")) {
                    pos++;
                    op = "is not";
                }
            } else if (peek("not") && pos + 1 < tokens.size() && tokens.get(pos + 1).equals("in")) {
                pos += 2;
                op = "not in";
            } else break;
            Object right = additive();
            boolean r = switch (op) {
                case "==", "is" -> pyEquals(left, right);
                case "!=", "is not" -> !pyEquals(left, right);
                case "in" -> contains(right, left);
                default -> !contains(right, left);
            };
            result = result == null ? r : result && r;
            left = right;
        }
        return result == null ? left : result;
    }

    private Object additive() {
        Object v = postfix();
        while (peek("+")) {
            pos++;
            Object r = postfix();
            v = String.valueOf(plain(v)) + plain(r);
        }
        return v;
    }

    private Object postfix() {
        Object v = atom();
        while (pos < tokens.size()) {
            if (peek("[")) {
                pos++;
                Object key = or();
                expect("]");
                v = index(v, key);
            } else if (peek(".")) {
                pos++;
                String name = tokens.get(pos++);
                if (peek("(") && name.equals("get")) {
                    pos++;
                    Object key = or();
                    Object dflt = null;
                    if (peek(",")) {
                        pos++;
                        dflt = or();
                    }
                    expect(")");
                    v = get(v, key, dflt);
                } else {
                    v = index(v, name);
                }
            } else break;
        }
        return v;
    }

    private Object atom() {
        String t = tokens.get(pos++);
        if (t.startsWith("\u0000")) return t.substring(1);
        if (t.equals("(")) {
            List<Object> items = new ArrayList<>();
            if (!peek(")")) {
                items.add(or());
                while (peek(",")) {
                    pos++;
                    if (peek(")")) break;
                    items.add(or());
                }
            }
            expect(")");
            return items.size() == 1 && !tokens.get(pos - 2).equals(",") ? items.get(0) : items;
        }
        if (t.equals("[")) {
            List<Object> items = new ArrayList<>();
            while (!peek("]")) {
                items.add(or());
                if (peek(",")) pos++;
            }
            expect("]");
            return items;
        }
        if (t.equals("{")) {
            Map<Object, Object> m = new LinkedHashMap<>();
            while (!peek("}")) {
                Object k = or();
                expect(":");
                m.put(k, or());
                if (peek(",")) pos++;
            }
            expect("}");
            return m;
        }
        if (t.equals("-")) return negate(atom());
        if (Character.isDigit(t.charAt(0))) return t.contains(".") ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
        switch (t) {
            case "None" -> {
                return null;
            }
            case "True" -> {
                return Boolean.TRUE;
            }
            case "False" -> {
                return Boolean.FALSE;
            }
            case "len", "ord" -> {
                expect("(");
                Object arg = or();
                expect(")");
                Object p = plain(arg);
                if (t.equals("len")) {
                    if (p instanceof String s) return (long) s.length();
                    if (p instanceof List<?> l) return (long) l.size();
                    if (p instanceof Map<?, ?> m) return (long) m.size();
                    throw new IllegalArgumentException("len of " + p);
                }
                return (long) ((String) p).codePointAt(0);
            }
            default -> {
                return names.apply(t);
            }
        }
    }

    private static Object negate(Object v) {
        if (v instanceof Long l) return -l;
        if (v instanceof Double d) return -d;
        throw new IllegalArgumentException("cannot negate " + v);
    }

    private void expect(String t) {
        if (!peek(t)) throw new IllegalArgumentException("expected " + t + " at " + pos + " in " + tokens);
        pos++;
    }

    private boolean peek(String t) {
        return pos < tokens.size() && tokens.get(pos).equals(t);
    }

    // ---- values ----

    /** Views implement this to say which keys they map. */
    interface View {
        Object get(Object key);
    }

    private static Object index(Object v, Object key) {
        if (v instanceof View view) return view.get(key);
        if (v instanceof List<?> l) {
            int i = (int) (long) (Long) key;
            return l.get(i < 0 ? l.size() + i : i);
        }
        if (v instanceof Map<?, ?> m) {
            if (!m.containsKey(key)) throw new IllegalStateException("KeyError " + key);
            return m.get(key);
        }
        if (v instanceof String s) return String.valueOf(s.charAt((int) (long) (Long) key));
        throw new IllegalStateException("cannot index " + v + " with " + key);
    }

    private static Object get(Object v, Object key, Object dflt) {
        try {
            Object r = index(v, key);
            return r == null ? dflt : r;
        } catch (IllegalStateException missing) {
            return dflt;
        }
    }

    static Object plain(Object v) {
        return v instanceof Comparable c && !(v instanceof String) ? c.toString() : v;
    }

    static boolean pyEquals(Object a, Object b) {
        if (a instanceof Comparable c) return c.equalsPython(b);
        if (b instanceof Comparable c) return c.equalsPython(a);
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        if (a instanceof Boolean x && b instanceof Number y) return (x ? 1 : 0) == y.doubleValue();
        if (a instanceof Number x && b instanceof Boolean y) return (y ? 1 : 0) == x.doubleValue();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!pyEquals(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (var e : x.entrySet()) if (!y.containsKey(e.getKey()) || !pyEquals(e.getValue(), y.get(e.getKey()))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean contains(Object container, Object item) {
        Object c = plain(container);
        if (c instanceof String s) return s.contains(String.valueOf(plain(item)));
        if (c instanceof List<?> l) return l.stream().anyMatch(x -> pyEquals(x, item));
        if (c instanceof Map<?, ?> m) return m.containsKey(item);
        if (c instanceof View v) {
            try {
                return v.get(item) != null;
            } catch (IllegalStateException missing) {
                return false;
            }
        }
        throw new IllegalArgumentException("in " + c);
    }

    static boolean truthy(Object v) {
        Object p = plain(v);
        if (p == null) return false;
        if (p instanceof Boolean b) return b;
        if (p instanceof Number n) return n.doubleValue() != 0;
        if (p instanceof String s) return !s.isEmpty();
        if (p instanceof List<?> l) return !l.isEmpty();
        if (p instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    // ---- tokens: strings are returned as "\0" + their decoded value ----

    static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ((c == 'u' || c == 'b' || c == 'r') && i + 1 < s.length() && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                i++; // string prefix
            } else if (c == '\'' || c == '"') {
                boolean triple = s.startsWith(String.valueOf(c).repeat(3), i);
                String q = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                i += q.length();
                StringBuilder sb = new StringBuilder();
                while (!s.startsWith(q, i)) {
                    char d = s.charAt(i);
                    if (d == '\\') {
                        char e = s.charAt(i + 1);
                        i += 2;
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'x' -> {
                                sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                                i += 2;
                            }
                            case 'u' -> {
                                sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                i += 4;
                            }
                            case 'U' -> {
                                sb.appendCodePoint(Integer.parseInt(s.substring(i, i + 8), 16));
                                i += 8;
                            }
                            case '\n' -> { }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                i += q.length();
                out.add("\u0000" + sb);
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
                if (j < s.length() && (s.charAt(j) == 'L' || s.charAt(j) == 'l')) {
                    out.add(s.substring(i, j));
                    i = j + 1;
                } else {
                    out.add(s.substring(i, j));
                    i = j;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(s.substring(i, j));
                i = j;
            } else if (s.startsWith("==", i) || s.startsWith("!=", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}

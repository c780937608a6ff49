package app.storyline.index;

/** Field names of the article index, in one place. */
public final class Fields {
    public static final String UID = "uid";        // article id as a term, for updateDocument
    public static final String ID = "id";          // article id: stored and doc values
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String AUTHOR = "author";
    public static final String FEED = "feed";      // feed title, analysed
    public static final String FEED_ID = "feedId";
    public static final String TAG = "tag";
    public static final String DATE = "date";      // epoch ms: points and doc values
    public static final String READ = "read";      // 0/1 doc values, updated in place
    public static final String STARRED = "starred";
    public static final String LANG = "lang";

    private Fields() {}
}

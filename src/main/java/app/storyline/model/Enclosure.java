package app.storyline.model;

/** A media file attached to an item (podcast audio, video, image); length in bytes or -1. */
public record Enclosure(String url, String type, long length) {}

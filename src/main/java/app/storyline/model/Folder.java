package app.storyline.model;

/** A folder of feeds; {@code parentId} is null for top-level folders. */
public record Folder(long id, String name, Long parentId) {}

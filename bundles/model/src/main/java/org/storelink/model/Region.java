package org.storelink.model;

import java.util.Objects;

/** A group of stores under one area manager; {@code id} is what {@link Store#region()} holds. */
public record Region(String id, String name) {

    public Region {
        Objects.requireNonNull(id, "id");
    }
}

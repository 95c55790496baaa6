package io.crossflight.crew.service;

import java.util.List;

/** A page of results: {@code {items, page, size, total}} as CONTRACT.md says. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}

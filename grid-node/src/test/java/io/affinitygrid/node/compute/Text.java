package io.affinitygrid.node.compute;

import java.util.List;

/**
 * A generated piece of text and its words in lower case, as written: what a word count over it must find.
 */
record Text(String text, List<String> words) {
}

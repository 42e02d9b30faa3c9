/**
 * Example programs shipped as {@code examples/weft-examples.jar}: {@link io.weft.examples.WordCount} (the jar's
 * main class) and {@link io.weft.examples.SlotSharing}.
 */
package io.weft.examples;

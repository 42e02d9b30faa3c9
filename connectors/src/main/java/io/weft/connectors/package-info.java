/**
 * Weft's built-in connectors: sources and sinks written against the contracts of {@code io.weft.api.connector}
 * only, never against runtime internals.
 */
package io.weft.connectors;

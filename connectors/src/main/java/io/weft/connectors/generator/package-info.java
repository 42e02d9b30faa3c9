/** A deterministic source of generated records, bounded or unbounded, optionally throttled to a rate. */
package io.weft.connectors.generator;

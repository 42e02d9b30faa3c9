/** A sink that prints records to the standard output or error stream, as Flink's print sink does. */
package io.weft.connectors.print;

/**
 * Text files on any Hadoop file system ({@code file:}, {@code hdfs:}, plain local paths): a splitting line source
 * and a sink that makes each subtask's output visible atomically when the subtask finishes.
 */
package io.weft.connectors.file;

/**
 * Files AgentTrace writes: safe file names built from test names ({@link dev.agenttrace.files.SafeFileNames}), paths
 * contained in their folder, atomic writes ({@link dev.agenttrace.files.AtomicFiles}: temporary file, then
 * rename), used by golden files, reports and trace files alike, and a lock on a folder that several JVMs write into
 * ({@link dev.agenttrace.files.FolderLock}, for the run index).
 *
 * <p>Bottom layer: depends on nothing of AgentTrace.
 */
package dev.agenttrace.files;

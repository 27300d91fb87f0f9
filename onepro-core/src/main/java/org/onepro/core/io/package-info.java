/**
 * Atomic file writing shared by every OnePro writer: a reader never sees half a file, a failed write leaves
 * the previous file intact, and new files follow the user's umask.
 */
package org.onepro.core.io;

/**
 * The single exception type OnePro raises for bad caller input, so callers can catch one type and show its message.
 */
package org.onepro.core.error;

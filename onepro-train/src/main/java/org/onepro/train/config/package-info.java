/**
 * The training config: a record of every choice of a run, read from JSON with defaults and key=value overrides.
 */
package org.onepro.train.config;

/**
 * What a training run leaves for people to read: {@link org.onepro.train.report.StepLog} ({@code steps.csv}) and
 * {@link org.onepro.train.report.ValidationLog} ({@code validation.csv}), which survive crashes and resume with the
 * run; the one-line terminal {@link org.onepro.train.report.ProgressBar}; and {@link org.onepro.train.report.Plots},
 * PNG charts of the loss and validation Dice drawn from those logs with Java2D only.
 */
package org.onepro.train.report;

/**
 * The browser prompting tool behind {@code scripts/onepro serve}: a local HTTP server ({@link
 * org.onepro.app.serve.PromptServer}) with a JSON API over a folder of tasks ({@link
 * org.onepro.app.serve.Workspace}) and a plain HTML/JavaScript page served from the jar's resources. A user
 * picks a template, prompts it (click, box, doodle, SegLab), sees its mask at once, applies it to the task's other
 * images, saves the prompt as JSON records beside the data and exports the masks.
 */
package org.onepro.app.serve;

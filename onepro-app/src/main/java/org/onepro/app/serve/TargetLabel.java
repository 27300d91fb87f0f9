package org.onepro.app.serve;

import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;
import org.onepro.data.dataset.LabelMap;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which ground-truth label a prompt means, so Dice can be shown on multi-label tasks: the label found most often
 * under the prompt's foreground (click points, the box's interior, foreground strokes, the SegLab mask).
 */
final class TargetLabel {

    private TargetLabel() {
    }

    static OptionalInt of(LabelMap truth, Prompt prompt) {
        Map<Integer, Integer> votes = new HashMap<>();
        int h = truth.height();
        int w = truth.width();
        if (prompt instanceof Click c) {
            for (ClickPoint p : c.points()) {
                if (p.foreground()) {
                    vote(votes, truth, p.point());
                }
            }
        } else if (prompt instanceof BBox b) {
            for (int y = Math.max(0, (int) b.y0()); y <= Math.min(h - 1, (int) b.y1()); y++) {
                for (int x = Math.max(0, (int) b.x0()); x <= Math.min(w - 1, (int) b.x1()); x++) {
                    count(votes, truth.get(y, x));
                }
            }
        } else if (prompt instanceof Doodle d) {
            for (Stroke s : d.strokes()) {
                if (s.foreground()) {
                    s.points().forEach(p -> vote(votes, truth, p));
                }
            }
        } else if (prompt instanceof SegLab s) {
            boolean[] m = s.mask().data();
            int[] labels = truth.data();
            for (int i = 0; i < m.length && i < labels.length; i++) {
                if (m[i]) {
                    count(votes, labels[i]);
                }
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> OptionalInt.of(e.getKey()))
                .orElse(OptionalInt.empty());
    }

    private static void vote(Map<Integer, Integer> votes, LabelMap truth, Point p) {
        int x = (int) Math.round(p.x());
        int y = (int) Math.round(p.y());
        if (y >= 0 && y < truth.height() && x >= 0 && x < truth.width()) {
            count(votes, truth.get(y, x));
        }
    }

    private static void count(Map<Integer, Integer> votes, int label) {
        if (label != 0) {
            votes.merge(label, 1, Integer::sum);
        }
    }
}

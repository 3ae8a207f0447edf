package triage.evidence.derived;

import java.util.List;

/**
 * Whether a series of samples (memory, descriptors, connections) climbs: a least-squares line through the
 * samples in reading order, how much of the series' mean it rises across the range, how well it fits, and
 * the share of the moves between samples that go up. A steady climb fits its line closely and rises; a
 * sawtooth that returns to its baseline has a flat line that fits badly, whatever its peaks.
 *
 * @param samples      how many samples
 * @param rise         the fitted rise from first to last sample, relative to the mean (0.5 = half the mean)
 * @param fit          R², the share of the variation the line explains (0..1)
 * @param risingShare  share of the moves between consecutive samples that go up (flat moves not counted)
 */
public record Trend(int samples, double rise, double fit, double risingShare) {

    /** Fewer samples than this say nothing about a trend. */
    public static final int MIN_SAMPLES = 6;

    public static Trend of(List<Sample> series) {
        int n = series.size();
        if (n < 2) {
            return new Trend(n, 0, 0, 0);
        }
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (Sample s : series) {
            meanY += s.value();
        }
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        int up = 0;
        int moves = 0;
        for (int i = 0; i < n; i++) {
            double dx = i - meanX;
            double dy = series.get(i).value() - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
            if (i > 0) {
                double step = series.get(i).value() - series.get(i - 1).value();
                if (step != 0) {
                    moves++;
                    up += step > 0 ? 1 : 0;
                }
            }
        }
        double slope = sxy / sxx;
        double rise = meanY == 0 ? 0 : slope * (n - 1) / Math.abs(meanY);
        double fit = syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
        return new Trend(n, rise, fit, moves == 0 ? 0 : (double) up / moves);
    }

    /**
     * A climb: enough samples, a fitted rise of at least a fifth of the mean, a line that explains most of
     * the variation, and more moves up than down.
     */
    public boolean climbs() {
        return samples >= MIN_SAMPLES && rise >= 0.2 && fit >= 0.6 && risingShare > 0.5;
    }

    /** Enough samples and no climb: level, or a sawtooth back to its baseline. */
    public boolean level() {
        return samples >= MIN_SAMPLES && !climbs();
    }
}

package triage.kbcheck;

import triage.knowledge.KnowledgeBase;
import triage.knowledge.PatternDef;
import triage.knowledge.Problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds regex alternatives the keyword pre-filter never lets a line reach: an alternative is reachable
 * only when every line it matches contains one of the pattern's keywords, that is when a keyword sits
 * inside a run of literal text the alternative always matches (or inside every alternative of a group it
 * always matches). Anything else, such as {@code \s+} where the keyword has a space, may match a line the
 * pre-filter turns away.
 */
public final class KeywordReach {

    private KeywordReach() {
    }

    public static List<Problem> check(KnowledgeBase kb) {
        List<Problem> problems = new ArrayList<>();
        for (PatternDef p : kb.patterns()) {
            List<String> keywords = p.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT))
                    .filter(k -> !k.isEmpty() && k.chars().allMatch(c -> c < 128)).toList();
            if (p.keywords().isEmpty()) {
                continue; // runs on every line
            }
            RegexTree.Alternation tree;
            try {
                tree = RegexTree.parse(p.regex());
            } catch (RuntimeException e) {
                continue; // not analysable; the regex itself compiled when it was loaded
            }
            for (String dead : unreachable(tree, keywords)) {
                problems.add(new Problem(kb.origin(p).file(), kb.origin(p).line(), "pattern for " + p.symptom()
                        + ": alternative " + ExampleCheck.quote(dead) + " can match a line with none of its keywords "
                        + p.keywords() + ", which the pre-filter never lets through"));
            }
        }
        return problems;
    }

    /** The text of each top-level alternative (or of each alternative of its one outermost group) no keyword reaches. */
    static List<String> unreachable(RegexTree.Alternation tree, List<String> keywords) {
        List<String> dead = new ArrayList<>();
        for (RegexTree.Sequence alternative : tree.alternatives()) {
            if (reaches(alternative, keywords)) {
                continue;
            }
            Required required = required(alternative);
            List<RegexTree.Piece> choices = required.groups().stream()
                    .filter(g -> g.kind() == RegexTree.Kind.GROUP && g.group().alternatives().size() > 1).toList();
            if (choices.size() == 1) {
                RegexTree.Piece choice = choices.get(0);
                for (RegexTree.Sequence inner : choice.group().alternatives()) {
                    if (!reaches(withOnly(alternative, choice, inner), keywords)) {
                        dead.add(inner.text());
                    }
                }
            } else {
                dead.add(alternative.text());
            }
        }
        return dead;
    }

    /**
     * Whether every line the sequence matches passes some keyword: contains a simple keyword, or every part
     * of one compound keyword ({@code a && b}), each part spelled within a run of literal text on every way.
     */
    static boolean reaches(RegexTree.Sequence sequence, List<String> keywords) {
        return reaches(flatten(sequence), keywords, 3);
    }

    private static boolean reaches(RegexTree.Sequence sequence, List<String> keywords, int depth) {
        List<String> simple = keywords.stream().filter(k -> !k.contains(KeywordCheck.AND)).toList();
        List<String> compound = keywords.stream().filter(k -> k.contains(KeywordCheck.AND)).toList();
        if (!simple.isEmpty() && covered(sequence, simple)) {
            return true;
        }
        if (compound.stream().anyMatch(k -> java.util.Arrays.stream(k.split(KeywordCheck.AND, -1))
                .allMatch(part -> covered(sequence, List.of(part))))) {
            return true;
        }
        if (compound.isEmpty() || depth == 0) {
            return false;
        }
        // every match goes through one alternative of a group it always passes: judge each way on its own
        for (RegexTree.Piece group : sequence.pieces()) {
            if (group.kind() != RegexTree.Kind.GROUP || group.min() != 1 || group.repeats()
                    || group.group().alternatives().size() < 2) {
                continue;
            }
            boolean all = true;
            for (RegexTree.Sequence inner : group.group().alternatives()) {
                if (!reaches(flatten(withOnly(sequence, group, inner)), keywords, depth - 1)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The sequence with each group it passes exactly once by a single alternative spliced in. */
    private static RegexTree.Sequence flatten(RegexTree.Sequence sequence) {
        List<RegexTree.Piece> pieces = new ArrayList<>();
        boolean changed = false;
        for (RegexTree.Piece piece : sequence.pieces()) {
            if (piece.kind() == RegexTree.Kind.GROUP && piece.min() == 1 && !piece.repeats()
                    && piece.group().alternatives().size() == 1) {
                pieces.addAll(flatten(piece.group().alternatives().get(0)).pieces());
                changed = true;
            } else {
                pieces.add(piece);
            }
        }
        return changed ? new RegexTree.Sequence(pieces, sequence.text()) : sequence;
    }

    /** The sequence with one of its groups narrowed to one of the group's alternatives (or that alternative alone). */
    private static RegexTree.Sequence withOnly(RegexTree.Sequence sequence, RegexTree.Piece group, RegexTree.Sequence inner) {
        int at = sequence.pieces().indexOf(group);
        if (at < 0) {
            return inner;
        }
        List<RegexTree.Piece> pieces = new ArrayList<>(sequence.pieces());
        pieces.set(at, new RegexTree.Piece(group.kind(), group.literal(), new RegexTree.Alternation(List.of(inner)),
                group.min(), group.repeats()));
        return new RegexTree.Sequence(pieces, inner.text());
    }

    /** Beyond this many distinct ways through a sequence, its groups are judged one by one. */
    private static final int MAX_WAYS = 4096;

    /**
     * Whether every line the sequence matches contains a keyword: every way through its groups and
     * optional parts spells a keyword within one run of literal text, or passes a lookahead whose every
     * alternative does.
     */
    static boolean covered(RegexTree.Sequence sequence, List<String> keywords) {
        Set<Way> ways = walk(sequence, Set.of(new Way(false, "", List.of())), keywords);
        if (ways == null) {
            return coveredGroupByGroup(sequence, keywords);
        }
        return ways.stream().allMatch(w -> w.spelled() || w.lookaheads().stream().anyMatch(l -> allCovered(l, keywords)));
    }

    private static boolean allCovered(RegexTree.Alternation alternation, List<String> keywords) {
        return alternation.alternatives().stream().allMatch(a -> covered(a, keywords));
    }

    /**
     * A way through a sequence, as far as it matters: whether it has spelled a keyword, the end of the
     * literal run it is in (only as long as a keyword could still complete in it), and the lookaheads it passed.
     */
    private record Way(boolean spelled, String tail, List<RegexTree.Alternation> lookaheads) {

        Way append(String text, List<String> keywords) {
            if (spelled) {
                return this;
            }
            String run = tail + text.toLowerCase(Locale.ROOT);
            if (keywords.stream().anyMatch(run::contains)) {
                return new Way(true, "", List.of());
            }
            int keep = keywords.stream().mapToInt(String::length).max().orElse(1) - 1;
            return new Way(false, run.substring(Math.max(0, run.length() - keep)), lookaheads);
        }

        Way breakRun() {
            return spelled ? this : new Way(false, "", lookaheads);
        }

        Way passing(RegexTree.Alternation lookahead) {
            if (spelled) {
                return this;
            }
            List<RegexTree.Alternation> all = new ArrayList<>(lookaheads);
            all.add(lookahead);
            return new Way(false, "", List.copyOf(all));
        }
    }

    /** Every way through the sequence from each of the given ways; null when there are too many. */
    private static Set<Way> walk(RegexTree.Sequence sequence, Set<Way> from, List<String> keywords) {
        Set<Way> ways = from;
        for (RegexTree.Piece piece : sequence.pieces()) {
            Set<Way> next = new LinkedHashSet<>();
            if (!piece.required()) {
                next.addAll(ways); // left out: the text either side joins
            }
            Set<Way> through = through(piece, ways, keywords);
            if (through == null) {
                return null;
            }
            next.addAll(through);
            if (next.size() > MAX_WAYS) {
                return null;
            }
            ways = next;
        }
        return ways;
    }

    /** The ways after the piece, taken at least once. */
    private static Set<Way> through(RegexTree.Piece piece, Set<Way> ways, List<String> keywords) {
        Set<Way> out = new LinkedHashSet<>();
        switch (piece.kind()) {
            case LITERAL -> {
                String once = String.valueOf(piece.literal()).repeat(Math.max(1, piece.min()));
                for (Way w : ways) {
                    Way after = w.append(once, keywords);
                    out.add(piece.repeats() ? after.breakRun().append(String.valueOf(piece.literal()), keywords) : after);
                }
            }
            case ZERO_WIDTH -> out.addAll(ways); // consumes nothing: the text either side is contiguous
            case OPAQUE, ANY, IGNORED -> ways.forEach(w -> out.add(w.breakRun()));
            case LOOKAHEAD -> ways.forEach(w -> out.add(w.passing(piece.group())));
            case GROUP, CLASS -> {
                for (RegexTree.Sequence alternative : piece.group().alternatives()) {
                    Set<Way> after = walk(alternative, ways, keywords);
                    if (after == null) {
                        return null;
                    }
                    out.addAll(after);
                }
                if (piece.repeats() || piece.min() > 1) {
                    Set<Way> broken = new LinkedHashSet<>();
                    out.forEach(w -> broken.add(w.breakRun()));
                    return broken;
                }
            }
        }
        return out;
    }

    /** The coarse judgement for sequences with too many ways through: a keyword in a literal run, or in every alternative of a group. */
    private static boolean coveredGroupByGroup(RegexTree.Sequence sequence, List<String> keywords) {
        Required required = required(sequence);
        for (String run : required.runs()) {
            String lower = run.toLowerCase(Locale.ROOT);
            if (keywords.stream().anyMatch(lower::contains)) {
                return true;
            }
        }
        return required.groups().stream().anyMatch(g -> allCovered(g.group(), keywords));
    }

    /** The literal runs every match of a sequence contains, and the groups it always goes through. */
    private record Required(List<String> runs, List<RegexTree.Piece> groups) {
    }

    private static Required required(RegexTree.Sequence sequence) {
        Required r = new Required(new ArrayList<>(), new ArrayList<>());
        StringBuilder run = new StringBuilder();
        collect(sequence, run, r);
        flush(run, r);
        return r;
    }

    private static void collect(RegexTree.Sequence sequence, StringBuilder run, Required r) {
        for (RegexTree.Piece piece : sequence.pieces()) {
            if (!piece.required()) {
                flush(run, r);
                continue;
            }
            switch (piece.kind()) {
                case LITERAL -> {
                    run.append(String.valueOf(piece.literal()).repeat(piece.min()));
                    if (piece.repeats()) {
                        flush(run, r);
                        run.append(piece.literal());
                    }
                }
                case ZERO_WIDTH -> {
                    // consumes nothing: the text either side is contiguous
                }
                case OPAQUE, ANY, IGNORED -> flush(run, r);
                case CLASS -> {
                    flush(run, r);
                    r.groups().add(piece);
                }
                case LOOKAHEAD -> {
                    flush(run, r);
                    r.groups().add(piece);
                }
                case GROUP -> {
                    if (piece.group().alternatives().size() == 1) {
                        collect(piece.group().alternatives().get(0), run, r);
                        if (piece.repeats() || piece.min() > 1) {
                            flush(run, r);
                        }
                    } else {
                        flush(run, r);
                        r.groups().add(piece);
                    }
                }
            }
        }
    }

    private static void flush(StringBuilder run, Required r) {
        if (run.length() > 0) {
            r.runs().add(run.toString());
            run.setLength(0);
        }
    }
}

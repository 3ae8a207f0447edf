package triage.evidence;

import triage.facts.Symptom;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;

import java.nio.file.Path;
import java.util.List;

/**
 * Child-process entry point of {@link EvidenceMemoryTest}: reads the paths given with the project's
 * knowledge base and prints each symptom as {@code id count}, then the number of warnings.
 */
final class ReadAndCount {

    private ReadAndCount() {
    }

    public static void main(String[] args) {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(Path.of(args[0]));
        EvidenceReader reader = new EvidenceReader(kb, new Recognizer(kb));
        Evidence evidence = reader.read(List.of(args).subList(1, args.length).stream().map(Path::of).toList());
        for (Symptom s : evidence.symptoms()) {
            System.out.println(s.id() + " " + s.count());
        }
        System.out.println("warnings " + evidence.warnings().size());
    }
}

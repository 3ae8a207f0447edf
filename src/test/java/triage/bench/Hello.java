package triage.bench;

/** The JVM doing nothing from the same jar: the floor the cold-start benchmark compares against. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}

package triage.cli;

import picocli.CommandLine.ITypeConverter;
import triage.output.Format;

/** {@code --format}: the one conversion of its word into a {@link Format}, for every command that prints a diagnosis. */
final class FormatOption implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
        return Format.parse(value);
    }
}

package org.athar.engine;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads a {@link JvmSize} setting: {@code 512m} and {@code 1g} as {@code -Xmx} takes them (the values Athar's
 * settings, documentation and scripts have always used; Spring's own parser refuses a one-letter unit), or Spring's
 * {@code 512MB}; and writes a size back the way the JVM reads it.
 */
@Component
@ConfigurationPropertiesBinding
class JvmSizeConverter implements ConditionalGenericConverter {

    private static final Pattern JVM_STYLE = Pattern.compile("(\\d+)([kKmMgGtT])");

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, DataSize.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return targetType.hasAnnotation(JvmSize.class);
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        return source == null ? null : parse((String) source);
    }

    /** {@code 512m}, {@code 1G}, {@code 512MB}, or a number of bytes. */
    static DataSize parse(String text) {
        String trimmed = text.trim();
        Matcher jvm = JVM_STYLE.matcher(trimmed);
        try {
            if (jvm.matches()) {
                long amount = Long.parseLong(jvm.group(1));
                return switch (Character.toLowerCase(jvm.group(2).charAt(0))) {
                    case 'k' -> DataSize.ofKilobytes(amount);
                    case 'm' -> DataSize.ofMegabytes(amount);
                    case 'g' -> DataSize.ofGigabytes(amount);
                    default -> DataSize.ofTerabytes(amount);
                };
            }
            return DataSize.parse(trimmed);
        } catch (RuntimeException e) {
            // No cause: the start-up failure report shows the deepest message, and this one says what to write.
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size; write it as the JVM does (512m, 1g) or as 512MB");
        }
    }

    /** The size as {@code -Xms}/{@code -Xmx} take it, in the largest unit that divides it ({@code 512m}, {@code 1g}). */
    static String jvmOption(DataSize size) {
        long amount = size.toBytes();
        String unit = "";
        for (String larger : new String[] {"k", "m", "g", "t"}) {
            if (amount == 0 || amount % 1024 != 0) {
                break;
            }
            amount /= 1024;
            unit = larger;
        }
        return amount + unit;
    }
}

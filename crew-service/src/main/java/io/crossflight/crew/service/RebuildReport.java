package io.crossflight.crew.service;

import java.util.Map;

/**
 * What a rebuild did.
 *
 * @param endOffsets     the offsets (per partition) the rebuild read up to; later records are the live consumer's
 * @param invalid        records that are not valid events (the live consumer dead-lettered them)
 * @param failed         events the store refused
 * @param changedPersons people whose view differs from before the rebuild (0 when the live store was right)
 */
public record RebuildReport(String id, String topic, Map<Integer, Long> endOffsets, long recordsRead, long applied,
                            long duplicates, long invalid, long failed, long persons, long changedPersons,
                            long durationMs) {
}

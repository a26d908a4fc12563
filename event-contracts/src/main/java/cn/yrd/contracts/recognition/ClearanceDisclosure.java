package cn.yrd.contracts.recognition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A level-2 clearance answer was disclosed (登记前核查详情披露): which registrar of which province saw which
 * other provinces' organizations, published so that the audit log keeps every such look.
 *
 * @param clearanceId the level-1 answer the details belong to
 * @param uscc the code of the intended registration
 * @param province the asking province
 * @param askedBy who asked at level 1
 * @param disclosedTo who read the details
 */
public record ClearanceDisclosure(
    UUID clearanceId,
    String uscc,
    String province,
    String askedBy,
    String disclosedTo,
    OffsetDateTime disclosedAt,
    List<ClearanceFinding> findings) {}

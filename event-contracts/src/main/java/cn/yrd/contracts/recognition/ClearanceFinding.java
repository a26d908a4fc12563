package cn.yrd.contracts.recognition;

import java.util.List;

/**
 * One conflict an intended registration would raise (登记前核查的发现).
 *
 * @param ruleId the rulebook's ID of the rule (docs/rules.md)
 * @param usccs the organizations it would involve, the intended one included
 * @param provinces the provinces it would involve
 */
public record ClearanceFinding(
    ConflictType type,
    String ruleId,
    Severity severity,
    List<String> usccs,
    List<String> provinces) {}

package cn.yrd.contracts.registry;

/**
 * 法定代表人 as it travels between provinces: the public name and the person reference, never the ID
 * number.
 */
public record LegalRepresentative(String name, String personRef) {}

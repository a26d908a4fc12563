package cn.yrd.contracts.registry;

/**
 * The JSON payload of every event on {@code yrd.registration.v1} and {@code yrd.supervision.v1}.
 */
public record RegistryEvent(OrganizationState organization, Change change) {}

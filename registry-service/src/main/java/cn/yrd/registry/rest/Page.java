package cn.yrd.registry.rest;

import java.util.List;

/** One page of results and how many there are in all. */
public record Page<T>(List<T> items, long total, int page, int size) {}

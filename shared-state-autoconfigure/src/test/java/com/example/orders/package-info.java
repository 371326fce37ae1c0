/**
 * The docs/spring.md example's shared model: what both of its applications have.
 */
package com.example.orders;

/**
 * The docs/spring.md example's client application.
 */
package com.example.billing;

/**
 * The docs/spring.md example's server application.
 */
package com.example.stateserver;

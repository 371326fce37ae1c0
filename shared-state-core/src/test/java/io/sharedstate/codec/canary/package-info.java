/**
 * Classes in a package no test codec allows, which record whether any of their code ran.
 */
package io.sharedstate.codec.canary;

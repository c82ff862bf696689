/** The error types a user can cause, shared by every module; each message names its subject and the fix. */
package io.prodline.core.error;

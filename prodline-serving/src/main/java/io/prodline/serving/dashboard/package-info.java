/** A live page of the server's loaded versions, drawn in the browser from the statistics endpoint. */
package io.prodline.serving.dashboard;

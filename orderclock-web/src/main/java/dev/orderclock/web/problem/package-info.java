/** Every refusal and failure as an RFC 9457 problem document, from a controller, a filter or Tomcat itself. */
package dev.orderclock.web.problem;

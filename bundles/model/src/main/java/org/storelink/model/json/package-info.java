/**
 * The JSON form of the canonical domain: one configured mapper, a lenient-in-reporting reader for
 * untrusted sale bodies, and RFC 9457 problem documents.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.model.json;

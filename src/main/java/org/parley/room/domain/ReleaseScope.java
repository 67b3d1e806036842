package org.parley.room.domain;

/** What a release authorises the mediator to do with a caucus item. */
public enum ReleaseScope {
    /** The mediator may convey the exact original text to the joint room. */
    JOINT_VERBATIM,
    /** The mediator may convey the release's wording (edited, or the original) to the joint room. */
    JOINT_CONVEY,
    /** The mediator may convey the release's wording into the other side's caucus. */
    OTHER_SIDE_CONVEY
}

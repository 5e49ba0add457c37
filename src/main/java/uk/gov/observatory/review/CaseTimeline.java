package uk.gov.observatory.review;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.internal.ReviewRepository;

/**
 * A case's story as a timeline: every event of its rapid review, the Panel's consideration and the
 * LCSPRs covering it, with who, when, and the states before and after. Empty for a case out of the
 * viewer's reach.
 */
@Service
public class CaseTimeline {

  private final ReviewRepository repository;
  private final NotificationRegister register;

  public CaseTimeline(ReviewRepository repository, NotificationRegister register) {
    this.repository = repository;
    this.register = register;
  }

  @Transactional(readOnly = true)
  public List<CaseEvent> of(String notificationRef, Viewer viewer) {
    return register
        .findWithoutIdentifying(notificationRef)
        .map(n -> of(n, viewer))
        .orElse(List.of());
  }

  /** {@link #of(String, Viewer)} of a notification the caller has read already (the case page). */
  public List<CaseEvent> of(Notification n, Viewer viewer) {
    return viewer.reaches(n.laCode(), n.incidentDate()) ? repository.eventsOf(n.ref()) : List.of();
  }
}

"""The actors stage: find actor mentions and resolve them to canonical actors.

``make_actors()`` builds the component; ``kb_actors()`` gives the knowledge-base records that
seed the store's actors table; ``new_actors(doc)`` the records a document introduced. Actor
ids are described in :mod:`parley.actors.kb`.
"""

from parley.actors.kb import (KnowledgeBase, KnowledgeBaseError, kb_actors, load_kb, name_key,
                              person_id, token_key)
from parley.actors.resolve import ActorResolver, make_actors, new_actors

__all__ = ["ActorResolver", "KnowledgeBase", "KnowledgeBaseError", "kb_actors", "load_kb",
           "make_actors", "name_key", "new_actors", "person_id", "token_key"]

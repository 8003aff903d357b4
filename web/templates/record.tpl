{{%AUTOESCAPE context="HTML"}}
<p class="crumbs noprint"><a href="{{P}}/meetings/{{MID}}">{{t_nav_meetings}}</a> › <a href="{{P}}/meetings/{{MID}}/agenda">{{t_proc_title}}</a></p>
{{#LIVE_NOTE}}<p class="note noprint" id="live-note">{{LIVE_NOTE_TEXT_HTML:none}} <a href="{{P}}/meetings/{{MID}}/record">{{t_doc_issued_text}}</a></p>{{/LIVE_NOTE}}
<article class="doc record">
<header>{{#HAS_SYMBOL}}<p class="symbol">{{t_record_document}} <bdi class="sym">{{SYMBOL}}</bdi></p>{{/HAS_SYMBOL}}
<h1>{{TITLE_HTML:none}}</h1>
<p>{{DATE}}</p>
<p class="noprint downloads">{{t_doc_download}}{{t_punct_colon}}<a href="/api/v1/meetings/{{MID}}/record.docx?lang={{DL_LANG}}" download>DOCX</a> · <a href="/api/v1/meetings/{{MID}}/record.pdf?lang={{DL_LANG}}" download>PDF</a> · <a href="/api/v1/meetings/{{MID}}/record.akn.xml?lang={{DL_LANG}}" download>Akoma Ntoso (XML)</a></p></header>
{{#NO_ITEMS}}<p>{{t_proc_no_items}}</p>{{/NO_ITEMS}}
{{#ITEMS}}<section id="item-{{NUMBER}}" aria-labelledby="rec-h-{{NUMBER}}">
<h2 id="rec-h-{{NUMBER}}"><span class="snum">{{NUMBER}}</span><span{{#HEADING_FALLBACK}} lang="{{HEADING_LANG}}"{{/HEADING_FALLBACK}} dir="{{HEADING_DIR}}">{{HEADING_HTML:none}}</span></h2>
{{#UNTRANSLATED_NOTE}}<p class="note untranslated-note">{{UNOTE}}</p>{{/UNTRANSLATED_NOTE}}
{{#PARAS}}<div class="para{{#UNTRANSLATED}} untranslated{{/UNTRANSLATED}}"><span class="pnum">{{NUM}}</span><div><p lang="{{TLANG}}" dir="{{TDIR}}">{{TEXT_HTML:none}}</p></div></div>
{{/PARAS}}</section>{{/ITEMS}}
{{#SIGNED}}<table class="signatures"><tbody><tr>{{#SG_CELL}}<td>{{t_record_sg}}<br><span{{#SG_FALLBACK}} lang="{{SG_LANG}}"{{/SG_FALLBACK}} dir="{{SG_DIR}}">{{SG_HTML:none}}</span></td>{{/SG_CELL}}{{#CHAIR_CELL}}<td>{{t_record_chair}}<br><span{{#CHAIR_FALLBACK}} lang="{{CHAIR_LANG}}"{{/CHAIR_FALLBACK}} dir="{{CHAIR_DIR}}">{{CHAIR_HTML:none}}</span></td>{{/CHAIR_CELL}}</tr></tbody></table>{{/SIGNED}}
</article>
{{>LIFECYCLE}}
